// Starts `palisade lsp` for .perimeter files: the Studio's language, rules and services over
// the Language Server Protocol. Highlighting before the server is up comes from the TextMate
// grammar in syntaxes/.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

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
