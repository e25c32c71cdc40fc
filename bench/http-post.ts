import { Agent, request } from 'node:http';

/** Kept-alive connections, as a front end or a load balancer holds them; enough for the open loop's in-flight requests. */
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

export interface Answer {
  status: number;
  text: string;
}

/** POSTs a JSON body over a kept-alive connection; gives up after `timeoutMs`. */
export function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 10_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
