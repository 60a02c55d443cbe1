import * as fs from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { isApexSource, listSourceFiles, relative, type Problem } from './problem';

/** Collects every lexer and parser error; apex-parser's own check() reports errors but still exits 0. */
class CollectingErrorListener extends ApexErrorListener {
    readonly errors: { line: number; column: number; message: string }[] = [];

    apexSyntaxError(line: number, column: number, msg: string): void {
        this.errors.push({ line, column, message: msg });
    }
}

/** Parses one Apex class or trigger and returns its syntax errors (line/column as the parser reports them). */
export function parseApex(source: string, kind: 'class' | 'trigger'): CollectingErrorListener['errors'] {
    const listener = new CollectingErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (kind === 'trigger') parser.triggerUnit();
    else parser.compilationUnit();
    return listener.errors;
}

/** Every .cls and .trigger under force-app parses with @apexdevtools/apex-parser. */
export function checkApexSyntax(root: string): Problem[] {
    const problems: Problem[] = [];
    for (const file of listSourceFiles(root, isApexSource)) {
        const errors = parseApex(fs.readFileSync(file, 'utf8'), file.endsWith('.trigger') ? 'trigger' : 'class');
        for (const e of errors) {
            problems.push({ check: 'apex-syntax', file: relative(root, file), line: e.line, message: `column ${e.column}: ${e.message}` });
        }
    }
    return problems;
}
