import { compileMatcher } from '../glossary/matcher';
import { makeGlossary } from './glossaries';
const g = makeGlossary('10k');
const out: string[] = [];
for (let r = 0; r < 8; r++) { const c = process.cpuUsage(); const t = performance.now(); compileMatcher(g.entries); const u = process.cpuUsage(c); out.push(`${(performance.now() - t).toFixed(0)}/${((u.user + u.system) / 1000).toFixed(0)}`); }
console.log('wall/cpu ms', out.join(' '));
