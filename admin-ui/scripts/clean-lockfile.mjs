// Removes what npm writes into package-lock.json that names other hosts (funding links), so the
// committed lockfile holds package names, versions and integrity hashes only. Run after
// `npm install`: npm run lockfile:clean
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
let removed = 0;
for (const entry of Object.values(lock.packages || {})) {
  for (const key of ['funding', 'resolved']) {
    if (key in entry) {
      delete entry[key];
      removed += 1;
    }
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: removed ${removed} funding/resolved entries`);
