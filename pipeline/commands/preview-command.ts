/** `charter preview`: serve the editions on this computer and rebuild them on every save. */
import { once } from 'node:events'
import { z } from 'zod'
import { parseCommandLine, type Command } from './command.js'

const portMessage = 'takes a port number up to 65535, such as 8021 (0: any free port)'

const previewOptionsSchema = z.object({
  /** The source folder. Default `source`. */
  source: z.string().min(1).default('source'),
  /** The port on 127.0.0.1; 0 picks a free one. Default 8021. */
  port: z.coerce
    .number({ error: portMessage })
    .int({ error: portMessage })
    .min(0, { error: portMessage })
    .max(65535, { error: portMessage })
    .default(8021),
  /** Paper for the printed editions; default: publication.yaml's `paper`. */
  paper: z.enum(['a4', 'letter']).optional()
})

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Show the editions in your browser, rebuilt each time you save a change',
  usage: `Options:
  --source DIR          source folder (default: source)
  --port N              port on 127.0.0.1 to serve on (default: 8021; 0 picks a free one)
  --paper a4|letter     paper for the printed editions (default: from publication.yaml)
  --debug               show the full error when something fails

Open the address it prints in your browser. Each time you save a file in the source
folder (or a template or font setting), the page reloads with the change. Only this
computer can open it. Press Ctrl-C to stop.`,
  async run(args, { signal, stdout, stderr }) {
    const options = parseCommandLine(args, previewOptionsSchema, {
      source: { type: 'string' },
      port: { type: 'string' },
      paper: { type: 'string' }
    }, this)
    const { startPreview } = await import('../preview/preview.js')
    const preview = await startPreview(options, { stdout, stderr })
    stdout.write(`\nPreview: ${preview.url}\nOpen it in your browser. Saving a change under ${options.source} rebuilds it; Ctrl-C stops.\n`)
    if (!signal.aborted) await once(signal, 'abort')
    await preview.close()
    return 0
  }
}
