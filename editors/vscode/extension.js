// Starts `palisade lsp` for .perimeter files: the Studio's language, rules and services over
// the Language Server Protocol. Highlighting before the server is up comes from the TextMate
// grammar in syntaxes/.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

// The server's command that moves a typed password to secure storage (see the README). Its
// arguments are [document URI, position, credentials reference, user name]; the password
// never travels. A generic client sends the user the server proposes (root, the Axis
// administrator); here the user is asked first, and Escape cancels the move.
const MOVE_SECRET = 'palisade.moveSecretToSecureStorage';

async function askUser(command, args, next) {
  if (command !== MOVE_SECRET || !Array.isArray(args) || args.length !== 4) {
    return next(command, args);
  }
  const user = await vscode.window.showInputBox({
    title: `Move the password to secure storage as credentials "${args[2]}"`,
    prompt: 'User name on the device (the password is stored encrypted; the design keeps only the reference)',
    value: typeof args[3] === 'string' && args[3] ? args[3] : 'root',
    validateInput: text => (text.trim() ? undefined : 'Enter the user name the password belongs to.')
  });
  if (user === undefined) {
    return undefined;
  }
  return next(command, [args[0], args[1], args[2], user.trim()]);
}

async function activate(context) {
  const config = vscode.workspace.getConfiguration('palisade');
  const command = config.get('command', 'palisade');
  const serverOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'perimeter' }],
    initializationOptions: { notes: config.get('notes', false) },
    middleware: { executeCommand: askUser },
    synchronize: {
      // Designs changed on disk (a git checkout, another editor) are checked again.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.perimeter')
    }
  };
  client = new LanguageClient('palisade', 'Palisade', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(`Palisade: could not start '${command} lsp' (set palisade.command): ${e.message || e}`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
