import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Copy, type Instruction, type JSONInstruction } from 'dockerfile-ast';

export const DOCKERFILE = join(__dirname, '..', '..', 'Dockerfile');

export interface DockerStage {
    name: string | null;
    /** The FROM image with build arguments resolved (their defaults). */
    image: string;
    instructions: Instruction[];
    /** COPY instructions: sources, destination and the stage named by --from (null: the build context). */
    copies: { from: string | null; sources: string[]; destination: string }[];
    runs: string[];
}

export interface ParsedDockerfile {
    stages: DockerStage[];
    /** The last stage's CMD in exec (JSON) form; null when missing or in shell form. */
    cmd: string[] | null;
}

/** proxy/Dockerfile (or `text`) parsed by dockerfile-ast, the parser behind VS Code's Dockerfile support. */
export function parseDockerfile(text: string = readFileSync(DOCKERFILE, 'utf8')): ParsedDockerfile {
    const file = DockerfileParser.parse(text);
    const args = new Map(file.getInitialARGs().map((a) => [a.getProperty()?.getName() ?? '', a.getProperty()?.getValue() ?? '']));
    const resolve = (s: string) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string, b: string) => args.get(a ?? b) ?? '');
    const stages: DockerStage[] = [];
    for (const instruction of file.getInstructions()) {
        if (instruction.getKeyword() === 'FROM') {
            const [image = ''] = instruction.getArguments().map((a) => a.getValue());
            const as = instruction.getArguments().map((a) => a.getValue());
            stages.push({
                name: as.length >= 3 && as[1]?.toUpperCase() === 'AS' ? (as[2] ?? null) : null,
                image: resolve(image),
                instructions: [],
                copies: [],
                runs: []
            });
            continue;
        }
        const stage = stages[stages.length - 1];
        if (!stage) continue;
        stage.instructions.push(instruction);
        if (instruction.getKeyword() === 'COPY') {
            const copy = instruction as Copy;
            const values = copy.getArguments().map((a) => a.getValue());
            stage.copies.push({
                from:
                    copy
                        .getFlags()
                        .find((f) => f.getName() === 'from')
                        ?.getValue() ?? null,
                sources: values.slice(0, -1),
                destination: values.at(-1) ?? ''
            });
        }
        if (instruction.getKeyword() === 'RUN') stage.runs.push(instruction.getArgumentsContent() ?? '');
    }
    const cmdInstruction = stages
        .at(-1)
        ?.instructions.filter((i) => i.getKeyword() === 'CMD')
        .at(-1) as JSONInstruction | undefined;
    const json = cmdInstruction?.getJSONStrings() ?? [];
    return { stages, cmd: json.length > 0 ? json.map((j) => j.getJSONValue()) : null };
}
