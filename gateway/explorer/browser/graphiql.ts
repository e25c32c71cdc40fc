import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher, Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import '@graphiql/plugin-explorer/style.css';
import 'graphiql/style.css';
import type { ExplorerConfig } from '../explorer-config';

/**
 * The explorer bundled into the gateway (esbuild, bin/build-explorer.ts): GraphiQL with the
 * query builder, asking the gateway that served it and nothing else. What it opens with (the
 * flagship operations, and in development a token) comes in the page, written by the gateway.
 */
const config = JSON.parse(document.getElementById('one-window-explorer')!.textContent) as ExplorerConfig;
const gateway = createGraphiQLFetcher({ url: new URL('/', window.location.href).href });
const defaultHeaders = config.headers ? (JSON.parse(config.headers) as Record<string, string>) : {};
// GraphiQL asks for the schema before its headers editor exists: that first request goes with
// the page's headers, so the schema shown is the one the token sees. Later requests carry exactly
// what the editor says.
const fetcher: Fetcher = (params, options) =>
  gateway(params, { ...options, headers: options?.headers ?? defaultHeaders });

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher,
    plugins: [explorerPlugin()],
    // The first tab's editors start from these; the tab list from defaultTabs.
    query: config.tabs[0]?.query,
    variables: config.tabs[0]?.variables,
    headers: config.headers,
    defaultHeaders: config.headers,
    defaultTabs: config.tabs.map((tab) => ({ ...tab, headers: config.headers })),
    // A development token must not outlive the page in the browser's storage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: true,
  }),
);
