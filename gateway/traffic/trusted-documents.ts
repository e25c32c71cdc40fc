import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Caller } from '../../platform/caller';
import { apiError } from '../../platform/errors';
import {
  DocumentRequest,
  documentHash,
  ManifestOperation,
  PersistedQueryManifest,
} from '../../platform/trusted-documents';
import { gatewayMessages } from '../messages/catalogue';

/**
 * Partner agencies run only the documents their agreement covers: the operations in the
 * persisted-query manifest of their OAuth client (documents/manifests/<client id>.json), sent
 * by their exact text or by hash alone. Anything else, and any partner client without a
 * manifest, is refused with PERSISTED_QUERY_NOT_ALLOWED. Other callers (first-party front
 * ends, officers, Sandbox) are not held to a list and keep automatic persisted queries.
 */
export class TrustedDocuments {
  private constructor(
    private readonly byClient: ReadonlyMap<string, ReadonlyMap<string, ManifestOperation>>,
  ) {}

  /** Every `<client id>.json` manifest in the folder; none when it does not exist. */
  static fromFolder(folder: string): TrustedDocuments {
    const manifests = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : [];
    return new TrustedDocuments(
      new Map(
        manifests.map((name) => {
          const manifest = JSON.parse(
            readFileSync(path.join(folder, name), 'utf8'),
          ) as PersistedQueryManifest;
          if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1)
            throw new Error(`${name} is not an Apollo persisted-query manifest (version 1)`);
          for (const operation of manifest.operations)
            if (documentHash(operation.body) !== operation.id)
              throw new Error(`${name}: the id of ${operation.name} is not the hash of its body`);
          return [
            path.basename(name, '.json'),
            new Map(manifest.operations.map((operation) => [operation.id, operation])),
          ];
        }),
      ),
    );
  }

  /**
   * Whether `caller` may run the document `request` names; for a partner sending only a hash,
   * the registered text to run. Throws PERSISTED_QUERY_NOT_ALLOWED otherwise.
   */
  admit(caller: Caller, request: DocumentRequest): string | undefined {
    if (caller.role !== 'partner') return undefined;
    const registered = this.byClient.get(caller.clientId ?? '');
    const hash = request.extensions?.persistedQuery?.sha256Hash;
    if (typeof request.query === 'string') {
      const hashOfText = documentHash(request.query);
      // A hash sent beside the text must be the text's own.
      if (registered?.has(hashOfText) && (hash === undefined || hash === hashOfText)) return undefined;
    } else if (request.query === undefined && typeof hash === 'string') {
      const operation = registered?.get(hash);
      if (operation) return operation.body;
    }
    throw apiError('PERSISTED_QUERY_NOT_ALLOWED', gatewayMessages.text('documents.notAllowed'));
  }
}
