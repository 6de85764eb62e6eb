// nzh ships declarations for 'nzh/cn' in its root nzh.d.ts, which moduleResolution "node" only finds
// for the bare 'nzh' import; reference it so 'nzh/cn' (the simplified-Chinese build) is typed too.
/// <reference path="../node_modules/nzh/nzh.d.ts" />
