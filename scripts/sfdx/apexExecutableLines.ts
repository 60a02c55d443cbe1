import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApexErrorListener, ApexParserFactory, BlockContext, FieldDeclarationContext, StatementContext } from '@apexdevtools/apex-parser';
import { isApexSource, listSourceFiles } from './problem';

/**
 * The executable lines of each Apex class, as an org's code coverage counts them: lines where a statement
 * starts, and field declarations that run an initializer. Declarations, braces and comments do not count.
 * Without an org no test runs, so coverage is counted by hand against this list: for every class, the lines no
 * test reaches are listed with the reason in docs/deploy-salesforce.md ("Apex coverage, counted by hand").
 *   npx tsx scripts/sfdx/apexExecutableLines.ts                  per class: executable lines
 *   npx tsx scripts/sfdx/apexExecutableLines.ts ProfileCache     the lines themselves, numbered
 */

class IgnoreErrors extends ApexErrorListener {
    apexSyntaxError(): void {}
}

interface Node {
    children?: Node[] | null;
    start?: { line: number };
    getText?(): string;
}

export function executableLines(source: string): number[] {
    // Syntax errors are checkApexSyntax's business; a class that does not parse is simply not counted right.
    const { parser } = ApexParserFactory.createLexerAndParser(source, new IgnoreErrors());
    const lines = new Set<number>();
    const walk = (node: Node) => {
        if (node instanceof StatementContext && !(node.getChild(0) instanceof BlockContext)) {
            // A block is braces around statements; the statements inside count, not the block.
            lines.add(node.start.line);
        } else if (node instanceof FieldDeclarationContext && node.getText().includes('=')) {
            lines.add(node.start.line);
        }
        for (const child of node.children ?? []) walk(child);
    };
    walk(parser.compilationUnit() as unknown as Node);
    return [...lines].sort((a, b) => a - b);
}

function main(): void {
    const root = path.resolve(__dirname, '..', '..');
    const only = process.argv[2];
    const classes = listSourceFiles(root, (n) => n.endsWith('.cls') && !n.endsWith('_Tests.cls') && n !== 'ProfileTestFactory.cls');
    for (const file of classes) {
        if (!isApexSource(file)) continue;
        const name = path.basename(file, '.cls');
        if (only && name !== only) continue;
        const source = fs.readFileSync(file, 'utf8');
        const lines = executableLines(source);
        if (only) {
            const text = source.split('\n');
            for (const n of lines) console.log(`${String(n).padStart(4)}  ${text[n - 1]?.trim()}`);
        }
        console.log(`${name}: ${lines.length} executable lines`);
    }
}

if (require.main === module) main();
