/** What `npm start` sends the gateway when it renews the development token. */
export interface SandboxTokenMessage {
  sandboxToken: string;
}

const isSandboxTokenMessage = (message: unknown): message is SandboxTokenMessage =>
  typeof (message as Partial<SandboxTokenMessage> | null)?.sandboxToken === 'string';

/**
 * The development token both explorers open with: the one the gateway was started with, then
 * each one `npm start` sends over the IPC channel before the last expires. The gateway holds
 * only the development key's public half, so it cannot mint one itself. None in production.
 */
export function sandboxTokenFromParent(first: string | undefined): (() => string) | undefined {
  if (!first) return undefined;
  let current = first;
  process.on('message', (message: unknown) => {
    if (isSandboxTokenMessage(message)) current = message.sandboxToken;
  });
  return () => current;
}
