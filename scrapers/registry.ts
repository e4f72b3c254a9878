/**
 * The list of source kinds and what implements each: the adapter (scrapers/ats/<kind>/index.ts) that
 * fetches and maps a board, and the sample renderer (sample.ts) that the offline sandbox serves it with.
 * Adding a kind means adding it to `SOURCE_KINDS` (types.ts) and to both maps below; the `satisfies`
 * clauses make a missing entry a type error.
 */
import { adapter as ashby } from './ats/ashby';
import { renderer as ashbySample } from './ats/ashby/sample';
import { adapter as bamboohr } from './ats/bamboohr';
import { renderer as bamboohrSample } from './ats/bamboohr/sample';
import { adapter as breezy } from './ats/breezy';
import { renderer as breezySample } from './ats/breezy/sample';
import { adapter as greenhouse } from './ats/greenhouse';
import { renderer as greenhouseSample } from './ats/greenhouse/sample';
import { adapter as html } from './ats/html';
import { renderer as htmlSample } from './ats/html/sample';
import { adapter as jsonld } from './ats/jsonld';
import { renderer as jsonldSample } from './ats/jsonld/sample';
import { adapter as lever } from './ats/lever';
import { renderer as leverSample } from './ats/lever/sample';
import { adapter as personio } from './ats/personio';
import { renderer as personioSample } from './ats/personio/sample';
import { adapter as recruitee } from './ats/recruitee';
import { renderer as recruiteeSample } from './ats/recruitee/sample';
import { adapter as smartrecruiters } from './ats/smartrecruiters';
import { renderer as smartrecruitersSample } from './ats/smartrecruiters/sample';
import { adapter as teamtailor } from './ats/teamtailor';
import { renderer as teamtailorSample } from './ats/teamtailor/sample';
import { adapter as workable } from './ats/workable';
import { renderer as workableSample } from './ats/workable/sample';
import type { SampleRenderer } from './sandbox/types';
import { SOURCE_KINDS, type Adapter, type SourceKind } from './types';

export { SOURCE_KINDS, type SourceKind };

/** Kind -> adapter. */
export const ADAPTERS = {
  greenhouse,
  lever,
  ashby,
  workable,
  smartrecruiters,
  recruitee,
  personio,
  bamboohr,
  teamtailor,
  breezy,
  jsonld,
  html,
} as const satisfies Record<SourceKind, Adapter>;

/** Kind -> sample renderer of the offline sandbox. */
export const SAMPLE_RENDERERS = {
  greenhouse: greenhouseSample,
  lever: leverSample,
  ashby: ashbySample,
  workable: workableSample,
  smartrecruiters: smartrecruitersSample,
  recruitee: recruiteeSample,
  personio: personioSample,
  bamboohr: bamboohrSample,
  teamtailor: teamtailorSample,
  breezy: breezySample,
  jsonld: jsonldSample,
  html: htmlSample,
} as const satisfies Record<SourceKind, SampleRenderer>;

const KNOWN_KINDS: ReadonlySet<string> = new Set(SOURCE_KINDS);

/** Whether a string (a CLI argument, a `sources.kind` value) names a known source kind. */
export function isSourceKind(value: string): value is SourceKind {
  return KNOWN_KINDS.has(value);
}

/** A kind that Elsewhere does not know, with the list of the ones it does, for the operator. */
export class UnknownSourceKindError extends Error {
  constructor(readonly kind: string) {
    super(`Unknown source kind "${kind}": expected one of ${SOURCE_KINDS.join(', ')}`);
    this.name = 'UnknownSourceKindError';
  }
}

/**
 * The adapter of a kind. Accepts any string (the database stores kinds as text) and throws
 * `UnknownSourceKindError` for one that is not a `SourceKind`.
 */
export function getAdapter(kind: string): Adapter {
  if (!isSourceKind(kind)) throw new UnknownSourceKindError(kind);
  return ADAPTERS[kind];
}

/** The sandbox's sample renderer of a kind; throws `UnknownSourceKindError` for an unknown kind. */
export function getSampleRenderer(kind: string): SampleRenderer {
  if (!isSourceKind(kind)) throw new UnknownSourceKindError(kind);
  return SAMPLE_RENDERERS[kind];
}
