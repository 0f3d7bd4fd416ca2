/** Every `charter` sub-command. A new command is one line here. */
import { buildCommand } from './build-command.js'
import { checkCommand } from './check-command.js'
import { initCommand } from './init-command.js'
import type { Command } from './command.js'
import { previewCommand } from './preview-command.js'
import { verifyCommand } from './verify-command.js'

export const commands: Command[] = [initCommand, buildCommand, checkCommand, previewCommand, verifyCommand]
