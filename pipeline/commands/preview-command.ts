/** `charter preview`: serve the editions on this computer and rebuild them on every save. */
import { once } from 'node:events'
import { z } from 'zod'
import { browserFlag } from '../build-options.js'
import { paperNames } from '../pdf/paper.js'
import { commandHelp, type Command } from './command.js'
import { flagsSchema, parseFlags, type FlagSet } from './flags.js'

const portMessage = 'takes a port number up to 65535, such as 8021 (0: any free port)'

const previewFlags = {
  source: { value: 'DIR', help: 'source folder (default: source)', schema: z.string().min(1).default('source') },
  port: {
    value: 'N',
    help: 'port on 127.0.0.1 to serve on (default: 8021; 0 picks a free one)',
    schema: z.coerce.number({ error: portMessage }).int({ error: portMessage }).min(0, { error: portMessage }).max(65535, { error: portMessage }).default(8021)
  },
  paper: { value: paperNames.join('|'), help: 'paper for the printed editions (default: from publication.yaml)', schema: z.enum(paperNames).optional() },
  browser: browserFlag
} satisfies FlagSet

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Show the editions in your browser, rebuilt each time you save a change',
  flags: previewFlags,
  notes: `Open the address it prints in your browser. Each time you save a file in the source
folder (or a template or font setting), the page reloads with the change. Only this
computer can open it. Press Ctrl-C to stop.`,
  async run(args, { signal, stdout, stderr }) {
    const { options } = parseFlags(args, previewFlags, flagsSchema(previewFlags), commandHelp(this))
    const { startPreview } = await import('../preview/preview.js')
    const preview = await startPreview(options, { stdout, stderr })
    stdout.write(`\nPreview: ${preview.url}\nOpen it in your browser. Saving a change under ${options.source} rebuilds it; Ctrl-C stops.\n`)
    if (!signal.aborted) await once(signal, 'abort')
    await preview.close()
    return 0
  }
}
