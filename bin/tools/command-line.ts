import { parseArgs } from 'node:util';

type Options = Record<string, { type: 'string' | 'boolean' }>;

/**
 * A command's options, through node:util's parseArgs with `strict`: an unknown option or a
 * missing value is an error that prints the usage and exits 2, never a silent default.
 */
export function commandLine<Spec extends Options>(
  options: Spec,
  usage: string,
  argv = process.argv.slice(2),
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}
