// Fails the build when an area's Chinese and English messages do not have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name === 'messages.ts') files.push(path);
  }
})('src');

let failed = false;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const block = lang => {
    const start = text.indexOf(`${lang}: {`);
    if (start < 0) return null;
    let depth = 0;
    for (let i = text.indexOf('{', start); i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return text.substring(start, i);
    }
    return null;
  };
  const keys = lang => new Set([...(block(lang) ?? '').matchAll(/^\s*'([\w.-]+)'\s*:/gm)].map(m => m[1]));
  const en = keys('en'), zh = keys('zh');
  const onlyEn = [...en].filter(k => !zh.has(k)), onlyZh = [...zh].filter(k => !en.has(k));
  if (en.size === 0 || onlyEn.length || onlyZh.length) {
    failed = true;
    console.error(`${file}: ${en.size} English, ${zh.size} Chinese keys; only English: ${onlyEn.join(', ') || '-'}; only Chinese: ${onlyZh.join(', ') || '-'}`);
  }
}
if (failed) process.exit(1);
console.log(`messages: ${files.length} files, English and Chinese keys match`);
