// The page as WeChat's view layer would build it from Taro's data tree (`root.cn[...]`, node names in
// `nn`, text in `v`): which WXML template each node uses, its attributes and the events it binds are
// read from the build's own base.wxml, so the harness does not keep a copy of Taro's tables.
import fs from 'node:fs'
import path from 'node:path'

export interface TemplateInfo {
  /** the WXML tag: view, text, button, input… ('#text' for a text node) */
  tag: string
  /** attribute name → the data key holding it (e.g. value → p25) */
  attrs: Record<string, string>
  /** events bound to Taro's handler (bindtap="eh" → tap) */
  events: Set<string>
}

export type Templates = Map<string, TemplateInfo>

/** Read `tmpl_0_<nn>` templates from base.wxml (inputs: their `_blur` variant). */
export function readTemplates(distDir: string): Templates {
  const wxml = fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8')
  const templates: Templates = new Map()
  const pattern = /<template name="tmpl_0_(\d+)(_blur)?">\s*([\s\S]*?)<\/template>/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(wxml)) !== null) {
    const [, nn, , body] = match as unknown as [string, string, string | undefined, string]
    if (/^<template is="\{\{xs\.c\(/.test(body)) continue // focus/blur switch: the _blur variant is read instead
    if (/^<block>\{\{i\.v\}\}<\/block>/.test(body)) {
      templates.set(nn, { tag: '#text', attrs: {}, events: new Set() })
      continue
    }
    const open = /^<([a-z-]+)([^>]*)>/.exec(body)
    if (!open) continue
    const attrs: Record<string, string> = {}
    const events = new Set<string>()
    for (const attr of (open[2] as string).matchAll(/([a-z:-]+)="([^"]*)"/g)) {
      const [, name, value] = attr as unknown as [string, string, string]
      const bound = /^(?:bind|catch)([a-z]+)$/.exec(name)
      if (bound && value === 'eh') events.add(bound[1] as string)
      const key = /\{\{(?:xs\.b\()?i\.(p\d+)/.exec(value)
      if (key) attrs[name] = key[1] as string
    }
    templates.set(nn, { tag: open[1] as string, attrs, events })
  }
  return templates
}

/** One node of Taro's data tree. */
export interface DataNode {
  nn?: string
  v?: string
  sid?: string
  uid?: string
  cl?: string
  cn?: DataNode[]
  [key: string]: unknown
}

export interface ViewNode {
  data: DataNode
  info: TemplateInfo | undefined
  parent: ViewNode | null
  children: ViewNode[]
}

export function buildViewTree(root: DataNode, templates: Templates): ViewNode {
  const make = (data: DataNode, parent: ViewNode | null): ViewNode => {
    const node: ViewNode = { data, info: data.nn === undefined ? undefined : templates.get(String(data.nn)), parent, children: [] }
    node.children = (data.cn ?? []).map((child) => make(child, node))
    return node
  }
  return make(root, null)
}

export function attr(node: ViewNode, name: string): unknown {
  const key = node.info?.attrs[name]
  return key === undefined ? undefined : node.data[key]
}

const INLINE = new Set(['text', '#text', 'label'])

/** The text a person reads: blocks on their own lines, inline text joined, inputs as [value]. */
export function renderText(node: ViewNode): string {
  const lines: string[] = ['']
  const push = (text: string) => {
    lines[lines.length - 1] += text
  }
  const breakLine = () => {
    if (lines[lines.length - 1]?.trim() !== '') lines.push('')
  }
  const walk = (n: ViewNode) => {
    const tag = n.info?.tag
    if (tag === '#text') return push(String(n.data.v ?? ''))
    if (tag === 'input' || tag === 'textarea') {
      const value = attr(n, 'value')
      const placeholder = attr(n, 'placeholder')
      return push(`[${value !== undefined && value !== '' ? String(value) : `${placeholder ?? ''}`}]`)
    }
    const block = tag !== undefined && !INLINE.has(tag)
    if (block) breakLine()
    n.children.forEach(walk)
    if (block) breakLine()
  }
  walk(node)
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

/** Every node, depth first. */
export function allNodes(node: ViewNode): ViewNode[] {
  return [node, ...node.children.flatMap(allNodes)]
}

/** The text of one node and its descendants on one line. */
export function textOf(node: ViewNode): string {
  return renderText(node).replace(/\n/g, ' ')
}
