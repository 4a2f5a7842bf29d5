// Vocabulary shared by the JSON-LD exporter and importer, so both sides agree on names.
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CLAIMDESK_PREFIX = 'claimdesk';

/** Extension properties (compact IRIs under the `claimdesk` prefix). */
export const CD = {
  tagLabel: 'claimdesk:tagLabel',
  sourceDetail: 'claimdesk:sourceDetail',
  confidence: 'claimdesk:confidence',
  grade: 'claimdesk:grade',
  reliability: 'claimdesk:reliability',
  credibility: 'claimdesk:credibility',
  status: 'claimdesk:status',
  anchorState: 'claimdesk:anchorState',
  number: 'claimdesk:number',
  verdict: 'claimdesk:verdict',
  suggestedTag: 'claimdesk:suggestedTag',
  role: 'claimdesk:role',
  // Evidence links (motivation "linking"): what the passage says about the claim, and which library
  // document it is in, so an import can find the source again (by id, symbol or URL).
  relation: 'claimdesk:relation',
  documentId: 'claimdesk:documentId',
  documentTitle: 'claimdesk:documentTitle',
  documentSymbol: 'claimdesk:documentSymbol',
  documentIssuer: 'claimdesk:documentIssuer',
  documentUrl: 'claimdesk:documentUrl',
  targetAnnotation: 'claimdesk:targetAnnotation',
} as const;

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function claimdeskNamespace(baseUrl: string): string {
  return `${trimBaseUrl(baseUrl)}/ns#`;
}
