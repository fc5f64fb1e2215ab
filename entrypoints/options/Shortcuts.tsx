/** The extension's keyboard commands as the browser has them now (readers can change them). */
import { useEffect, useState } from 'preact/hooks';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

export function Shortcuts() {
  const [commands, setCommands] = useState<Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands).catch(() => setCommands([]));
  }, []);
  const isFirefox = import.meta.env.BROWSER === 'firefox';
  return (
    <div>
      <table class="shortcuts">
        <tbody>
          {commands.map((command) => (
            <tr key={command.name}>
              <td>{command.description || 'Open the Termlight glossary'}</td>
              <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">not set</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {isFirefox
          ? 'Change them in the add-ons manager: the gear menu, “Manage Extension Shortcuts”.'
          : 'Change them at chrome://extensions/shortcuts.'}
      </p>
    </div>
  );
}
