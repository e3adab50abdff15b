import type { FunctionSignature, Language, ProblemStyle } from './manifest.ts';

/** A TypeScript type in JSDoc form: `number[][]` stays, `Map<string, number>` stays. */
function jsdocType(type: string): string {
  return type;
}

/** The code a learner starts from: the function signature, or a stdin-reading skeleton. */
export function starterCode(style: ProblemStyle, language: Language, signature?: FunctionSignature): string {
  if (style === 'function' && signature) {
    const params = signature.params.map((param) => param.name).join(', ');
    if (language === 'typescript') {
      const typed = signature.params.map((param) => `${param.name}: ${param.type}`).join(', ');
      return `function ${signature.name}(${typed}): ${signature.returns} {\n  \n}\n`;
    }
    const docs = signature.params.map((param) => ` * @param {${jsdocType(param.type)}} ${param.name}`).join('\n');
    return `/**\n${docs}\n * @return {${jsdocType(signature.returns)}}\n */\nvar ${signature.name} = function (${params}) {\n  \n};\n`;
  }
  if (language === 'typescript') {
    return `import { readFileSync } from 'fs';\n\nconst tokens: string[] = readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n\n`;
  }
  return `const tokens = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n\n`;
}
