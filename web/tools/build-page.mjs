// Inlines the package (wasm as base64, the wasm-bindgen glue, the wrapper) and the page's
// app.js and style.css into one self-contained file: web/dist/gender-seal.html.
import fs from 'node:fs';
import path from 'node:path';
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

const wasm = fs.readFileSync(path.join(web, 'pkg/gender_seal_wasm_bg.wasm')).toString('base64');
const glue = moduleBody(read('pkg/gender_seal_wasm.js'));
const wrapper = moduleBody(read('js/gender-seal.js'), { './gender_seal_wasm.js': '__raw' });
const script = [
  `const __raw = ${glue};`,
  `const GS = ${wrapper};`,
  `GS.init(Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0)));`,
  read('src/app.js'),
].join('\n');
const html = read('src/index.html')
  .replace('/*STYLE*/', () => read('src/style.css'))
  .replace('/*SCRIPT*/', () => script.replaceAll('</script', '<\\/script'));
fs.mkdirSync(path.join(web, 'dist'), { recursive: true });
fs.writeFileSync(path.join(web, 'dist/gender-seal.html'), html);
