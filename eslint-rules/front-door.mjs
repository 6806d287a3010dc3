// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * `no-deep-import`: a file outside one of `modules` (folders relative to the working directory)
 * may import that module only through its front door: `<module>` (its index.ts) or, for test
 * doubles, `<module>/testing`. Files inside a module import each other freely. Relative imports
 * only: the project has no path aliases.
 */
const noDeepImport = {
  meta: {
    type: 'problem',
    docs: { description: 'Enter a module with a front door through its index.' },
    schema: [
      {
        type: 'object',
        properties: {
          modules: { type: 'array', items: { type: 'string' } },
          // More doors of a module, by its folder: e.g. core/db's `postgres` (the team server's store).
          doors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: { deep: "'{{source}}' reaches inside {{module}}: import '{{door}}' (its index.ts) instead." },
  },
  create(context) {
    const modules = (context.options[0]?.modules ?? []).map((/** @type {string} */ m) => m.split('/').join(sep));
    /** @type {Record<string, string[]>} */
    const doors = context.options[0]?.doors ?? {};
    const cwd = context.cwd;
    const file = relative(cwd, context.filename);
    const outside = modules.filter((/** @type {string} */ m) => !file.startsWith(m + sep));
    /** @param {any} node */
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(cwd, resolve(dirname(context.filename), source)).replace(/\.(ts|tsx|mts|js|mjs)$/u, '');
      for (const module of outside) {
        if (!target.startsWith(module + sep)) continue;
        const inner = target
          .slice(module.length + 1)
          .split(sep)
          .join('/');
        if (['index', 'testing', 'testing/index'].includes(inner)) continue;
        const extra = doors[module.split(sep).join('/')] ?? [];
        if (extra.some((d) => inner === d || inner === `${d}/index`)) continue;
        let door = relative(dirname(context.filename), resolve(cwd, module, inner.startsWith('testing/') ? 'testing' : ''))
          .split(sep)
          .join('/');
        if (!door.startsWith('.')) door = `./${door}`;
        context.report({ node: node.source, messageId: 'deep', data: { source, module: module.split(sep).join('/'), door } });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-deep-import': noDeepImport } };
