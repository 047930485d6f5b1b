// Inlines the package (wasm as base64, the wasm-bindgen glue, the wrapper) and the page's
// app.js and style.css into one self-contained file: web/dist/gender-seal.html.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const read = (p) => fs.readFileSync(path.join(web, p), 'utf8');

// An ES module's text as a function body returning its exports.
function moduleBody(text, imports = {}) {
  const names = [];
  let body = text.replace(/^import \* as (\w+) from '([^']+)';$/gm, (_, name, from) => {
    if (!(from in imports)) throw new Error(`unexpected import ${from}`);
    return `const ${name} = ${imports[from]};`;
  });
  body = body.replace(/^export (class|function|async function|const|let) (\w+)/gm, (_, kind, name) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  body = body.replace(/^export \{([^}]*)\};?$/gm, (_, list) => {
    for (const n of list.split(',')) {
      const [local, as] = n.trim().split(/\s+as\s+/);
      if (local) names.push(as ? `${as}: ${local}` : local);
    }
    return '';
  });
  body = body.replace(/^export default (\w+);?$/gm, (_, name) => {
    names.push(`default: ${name}`);
    return '';
  });
  if (/^export /m.test(body)) throw new Error('an export form the inliner does not know');
  return `(() => {\n${body}\nreturn { ${names.join(', ')} };\n})()`;
}

// The wasm is inlined gzipped (base64 of gzip: the page stays under 1 MB gzipped as served,
// 1.1 MB on disk) and inflated by the browser's own DecompressionStream: no request.
const wasm = zlib.gzipSync(fs.readFileSync(path.join(web, 'pkg/gender_seal_wasm_bg.wasm')), { level: 9 }).toString('base64');
const glue = moduleBody(read('pkg/gender_seal_wasm.js'));
const wrapper = moduleBody(read('js/gender-seal.js'), { './gender_seal_wasm.js': '__raw' });
const script = [
  `const __raw = ${glue};`,
  `const GS = ${wrapper};`,
  `const __gz = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));`,
  "GS.init(new Uint8Array(await new Response(new Blob([__gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()));",
  read('src/app.js'),
].join('\n');
const html = read('src/index.html')
  .replace('/*STYLE*/', () => read('src/style.css'))
  .replace('/*SCRIPT*/', () => script.replaceAll('</script', '<\\/script'));
fs.mkdirSync(path.join(web, 'dist'), { recursive: true });
fs.writeFileSync(path.join(web, 'dist/gender-seal.html'), html);
