import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

/** Self time by package (node_modules/<pkg>, a repository file, or V8/Node internals) and by function. */
export function summariseProfile(profile: CpuProfile, top = 15): { byPackage: [string, number][]; byFunction: [string, number][] } {
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    const byPkg = new Map<string, number>();
    let total = 0;
    for (const n of profile.nodes) {
        const t = self.get(n.id) ?? 0;
        if (t === 0) continue;
        total += t;
        const url = n.callFrame.url.replace(/^file:\/\//, '');
        const nm = url.lastIndexOf('node_modules/');
        const pkgPath = nm >= 0 ? url.slice(nm + 'node_modules/'.length).split('/') : null;
        const pkg = pkgPath
            ? pkgPath[0]!.startsWith('@')
                ? `${pkgPath[0]}/${pkgPath[1]}`
                : pkgPath[0]!
            : url.startsWith('node:')
              ? 'node internals'
              : url
                ? url.replace(/^.*?\/(proxy|scripts)\//, '$1/')
                : n.callFrame.functionName.startsWith('(')
                  ? n.callFrame.functionName
                  : `(${n.callFrame.functionName || 'native'})`;
        byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
        const fn = `${n.callFrame.functionName || '(anonymous)'} ${pkg}:${n.callFrame.lineNumber + 1}`;
        byFn.set(fn, (byFn.get(fn) ?? 0) + t);
    }
    const pct = (m: Map<string, number>): [string, number][] =>
        [...m]
            .sort((a, b) => b[1] - a[1])
            .slice(0, top)
            .map(([k, t]) => [k, Math.round((1000 * t) / Math.max(total, 1)) / 10]);
    return { byPackage: pct(byPkg), byFunction: pct(byFn) };
}

/**
 * Markdown summary of the V8 CPU profiles under `dir` (one sub-directory per proxy instance; the largest
 * file of each is the main thread, the small one tsx's loader thread).
 */
export function summariseProfileDir(dir: string): string {
    const parts = [
        '# CPU profiles of the proxy instances (self time, % of samples)\n',
        'Open the `.cpuprofile` files in Chrome DevTools (Performance) for the full call trees.\n'
    ];
    for (const instance of readdirSync(dir).sort()) {
        const sub = join(dir, instance);
        if (!statSync(sub).isDirectory()) continue;
        const files = readdirSync(sub)
            .filter((f) => f.endsWith('.cpuprofile'))
            .map((f) => ({ f, size: statSync(join(sub, f)).size }))
            .sort((a, b) => b.size - a.size);
        if (!files[0]) continue;
        const s = summariseProfile(JSON.parse(readFileSync(join(sub, files[0].f), 'utf8')) as CpuProfile);
        parts.push(`## ${instance} (${files[0].f})\n`);
        parts.push('| package / file | self % |\n|---|---|\n' + s.byPackage.map(([k, v]) => `| ${k} | ${v} |`).join('\n') + '\n');
        parts.push('| function | self % |\n|---|---|\n' + s.byFunction.map(([k, v]) => `| \`${k}\` | ${v} |`).join('\n') + '\n');
    }
    return parts.join('\n');
}
