// Runs inside the page (read as text and evaluated by elder-audit.ts, so no test transform or
// coverage instrumentation can reach it). Measures what a person sees on the page on top — the
// visible Taro page and, on tab pages, the tab bar — against the 长辈版 rules:
//   text:       every visible text ≥ minFont CSS px; the largest text on the page ≥ minLargest px
//   contrast:   every visible text (and input text and placeholder) ≥ minContrast : 1 against its
//               effective background (its own and its ancestors' background colours, gradients'
//               every stop, composited over white; the worst stop counts)
//   tap target: every visible element a person can tap ≥ minTarget × minTarget CSS px:
//               links, buttons, form fields (input, textarea, select), elements with an interactive
//               ARIA role (button, link, switch, radio, checkbox, tab, menuitem, option), and any
//               element with a click or tap handler (Taro H5 keeps them in element.__events: views
//               with onClick, NutUI cells, checkboxes, switches), and the tab bar's items.
//               Not counted: parts marked aria-hidden="true" that sit inside a larger target (the
//               NutUI switch inside the 长辈版 row: the row is the control). A target inside another
//               one with its own action (a 来源 link inside a standard's card) is measured itself.
// Returns { violations, stats }.
/* eslint-disable */
;(function elderAudit(opts) {
  var minFont = opts.minFont
  var minLargest = opts.minLargest
  var minTarget = opts.minTarget
  var minContrast = opts.minContrast
  var EPS = 0.05

  function displayed(el) {
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      var cs = getComputedStyle(n)
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return false
      if (parseFloat(cs.opacity) === 0) return false
      if (cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clipPath === 'inset(50%)') return false
    }
    return true
  }

  function boxVisible(rect) {
    return rect.width > 1 && rect.height > 1
  }

  // the page on top: the last displayed .taro_page; the tab bar when it shows
  var pages = Array.prototype.filter.call(document.querySelectorAll('.taro_page'), displayed)
  var scopes = []
  if (pages.length) scopes.push(pages[pages.length - 1])
  var tabbar = document.querySelector('.taro-tabbar__tabbar')
  if (tabbar && displayed(tabbar) && boxVisible(tabbar.getBoundingClientRect())) scopes.push(tabbar)

  function parseColor(text) {
    var m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(text)
    if (!m) return null
    var a = m[4] === undefined ? 1 : m[4].slice(-1) === '%' ? parseFloat(m[4]) / 100 : parseFloat(m[4])
    return { r: +m[1], g: +m[2], b: +m[3], a: a }
  }

  function colorsIn(text) {
    var out = []
    var re = /rgba?\([^)]*\)/g
    var m
    while ((m = re.exec(text))) {
      var c = parseColor(m[0])
      if (c) out.push(c)
    }
    return out
  }

  function over(top, bottom) {
    var a = top.a
    return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 }
  }

  function luminance(c) {
    function ch(v) {
      v /= 255
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)
  }

  function ratio(a, b) {
    var la = luminance(a)
    var lb = luminance(b)
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
  }

  /** The possible opaque backgrounds behind el (several when a gradient is involved). */
  function backgrounds(el) {
    var layers = []
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      var cs = getComputedStyle(n)
      var image = cs.backgroundImage
      if (image && image !== 'none' && /gradient/.test(image)) {
        var stops = colorsIn(image)
        if (stops.length) {
          layers.push({ options: stops })
          if (
            stops.every(function (s) {
              return s.a >= 1
            })
          )
            break
        }
      }
      var bg = parseColor(cs.backgroundColor)
      if (bg && bg.a > 0) {
        layers.push({ options: [bg] })
        if (bg.a >= 1) break
      }
    }
    // composite from the bottom (white canvas) up; each gradient multiplies the options
    var results = [{ r: 255, g: 255, b: 255, a: 1 }]
    for (var i = layers.length - 1; i >= 0; i--) {
      var next = []
      for (var j = 0; j < results.length; j++) {
        for (var k = 0; k < layers[i].options.length; k++) next.push(over(layers[i].options[k], results[j]))
      }
      results = next
    }
    return results
  }

  function opacityChain(el) {
    var o = 1
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity)
    return o
  }

  function worstContrast(el, colorText) {
    var fg = parseColor(colorText)
    if (!fg) return null
    fg.a *= opacityChain(el)
    var worst = Infinity
    backgrounds(el).forEach(function (bg) {
      worst = Math.min(worst, ratio(over(fg, bg), bg))
    })
    return worst
  }

  function describe(el) {
    var parts = []
    for (var n = el, depth = 0; n && n.nodeType === 1 && depth < 3; n = n.parentElement, depth++) {
      if (n.classList && n.classList.contains('taro_page')) break
      var s = n.tagName.toLowerCase()
      var classes = Array.prototype.slice
        .call(n.classList || [])
        .filter(function (c) {
          return !/^(taro_|hydrated)/.test(c)
        })
        .slice(0, 2)
      if (classes.length) s += '.' + classes.join('.')
      var role = n.getAttribute && n.getAttribute('role')
      if (role) s += '[role=' + role + ']'
      parts.unshift(s)
    }
    return parts.join(' > ')
  }

  function textOf(el) {
    var t = (el.getAttribute && el.getAttribute('aria-label')) || el.innerText || el.value || el.getAttribute('placeholder') || ''
    return String(t).replace(/\s+/g, ' ').trim().slice(0, 40)
  }

  var violations = []
  var stats = {
    texts: 0,
    targets: 0,
    smallestFont: Infinity,
    largestFont: 0,
    smallestTarget: null,
    lowestContrast: Infinity,
    lowestContrastAt: '',
  }

  function violate(rule, el, detail) {
    violations.push({ rule: rule, selector: describe(el), text: textOf(el), detail: detail })
  }

  // ---- text: size and contrast ----
  var seen = new Set()
  scopes.forEach(function (scope) {
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT)
    var node
    while ((node = walker.nextNode())) {
      if (!node.nodeValue || !node.nodeValue.trim()) continue
      var el = node.parentElement
      if (!el || seen.has(el) || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) continue
      var range = document.createRange()
      range.selectNodeContents(node)
      var rect = range.getBoundingClientRect()
      if (!boxVisible(rect) || !displayed(el)) continue
      seen.add(el)
      stats.texts++
      var cs = getComputedStyle(el)
      var size = parseFloat(cs.fontSize)
      stats.smallestFont = Math.min(stats.smallestFont, size)
      stats.largestFont = Math.max(stats.largestFont, size)
      if (size + EPS < minFont) violate('font', el, size.toFixed(1) + 'px < ' + minFont + 'px')
      var c = worstContrast(el, cs.color)
      if (c !== null) {
        if (c < stats.lowestContrast) {
          stats.lowestContrast = c
          stats.lowestContrastAt = describe(el) + ' “' + textOf(el) + '”'
        }
        if (c + 0.005 < minContrast) violate('contrast', el, c.toFixed(2) + ':1 < ' + minContrast + ':1 (' + cs.color + ')')
      }
    }
  })

  // form fields: their text and placeholder
  scopes.forEach(function (scope) {
    scope.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea').forEach(function (el) {
      if (!displayed(el) || !boxVisible(el.getBoundingClientRect())) return
      var cs = getComputedStyle(el)
      var size = parseFloat(cs.fontSize)
      stats.smallestFont = Math.min(stats.smallestFont, size)
      if (size + EPS < minFont) violate('font', el, 'field text ' + size.toFixed(1) + 'px < ' + minFont + 'px')
      var c = worstContrast(el, cs.color)
      if (c !== null && c + 0.005 < minContrast) violate('contrast', el, 'field text ' + c.toFixed(2) + ':1 < ' + minContrast + ':1')
      if (el.getAttribute('placeholder') && !el.value) {
        var pc = worstContrast(el, getComputedStyle(el, '::placeholder').color)
        if (pc !== null && pc + 0.005 < minContrast)
          violate(
            'contrast',
            el,
            'placeholder ' + pc.toFixed(2) + ':1 < ' + minContrast + ':1 (' + getComputedStyle(el, '::placeholder').color + ')',
          )
      }
    })
  })
  if (stats.largestFont + EPS < minLargest) {
    violations.push({
      rule: 'largest',
      selector: '(page)',
      text: '',
      detail: 'largest text ' + stats.largestFont.toFixed(1) + 'px < ' + minLargest + 'px',
    })
  }

  // ---- tap targets ----
  var NATIVE = 'a[href], button, input:not([type=hidden]), textarea, select'
  var ROLES = /^(button|link|switch|radio|checkbox|tab|menuitem|option)$/
  function handlers(el) {
    var ev = el.__events
    if (!ev || typeof ev !== 'object') return ''
    return ['click', 'tap']
      .filter(function (k) {
        return ev[k] && (!Array.isArray(ev[k]) || ev[k].length)
      })
      .join('/')
  }
  function isTarget(el) {
    if (el.matches(NATIVE)) return true
    var role = el.getAttribute('role')
    if (role && ROLES.test(role)) return true
    return handlers(el) !== ''
  }
  function hiddenFromAll(el, within) {
    for (var n = el; n && n !== within; n = n.parentElement) if (n.getAttribute && n.getAttribute('aria-hidden') === 'true') return true
    return false
  }
  function contains(outer, inner) {
    return (
      inner.left >= outer.left - 0.5 &&
      inner.right <= outer.right + 0.5 &&
      inner.top >= outer.top - 0.5 &&
      inner.bottom <= outer.bottom + 0.5
    )
  }
  var targets = []
  scopes.forEach(function (scope) {
    scope.querySelectorAll('*').forEach(function (el) {
      if (!isTarget(el) || !displayed(el)) return
      var rect = el.getBoundingClientRect()
      if (!boxVisible(rect)) return
      targets.push({ el: el, rect: rect })
    })
  })
  targets.forEach(function (t) {
    // the nearest enclosing target
    var outer = null
    for (var i = 0; i < targets.length; i++) {
      var o = targets[i]
      if (o.el !== t.el && o.el.contains(t.el) && (!outer || outer.el.contains(o.el))) outer = o
    }
    if (outer) {
      // a decorative part of a larger control, or a tap-through part of it: not a target of its own
      if (hiddenFromAll(t.el, outer.el) && contains(outer.rect, t.rect)) return
    }
    stats.targets++
    var w = t.rect.width
    var h = t.rect.height
    var small = Math.min(w, h)
    if (!stats.smallestTarget || small < stats.smallestTarget.size)
      stats.smallestTarget = { size: small, at: describe(t.el) + ' “' + textOf(t.el) + '”' }
    if (w + 0.5 < minTarget || h + 0.5 < minTarget)
      violate('target', t.el, w.toFixed(0) + '×' + h.toFixed(0) + 'px < ' + minTarget + '×' + minTarget + 'px')
  })

  if (stats.smallestFont === Infinity) stats.smallestFont = 0
  if (stats.lowestContrast === Infinity) stats.lowestContrast = 0
  return { violations: violations, stats: stats }
})
