/** Recruitee careers site API client: all published offers of a company in one request. */
import type { Http } from '../../http-types';
import type { BoardFetch, FetchValidators, RawPosting, SourceRef } from '../../types';
import { fetchSingleDocumentBoard, parseJsonPayload, requireToken } from '../shared';
import { recruiteeOffersResponseSchema } from './api-types';
import { mapRecruitee } from './mapper';

/** The real offers URL: `https://{company}.recruitee.com/api/offers/`. */
export function recruiteeOffersUrl(source: SourceRef): string {
  const company = requireToken(source).toLowerCase();
  // The token becomes a host name: anything but a DNS label would change which host we ask.
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(company)) {
    throw new Error(`Recruitee company "${company}" is not a valid subdomain`);
  }
  return `https://${company}.recruitee.com/api/offers/`;
}

/** Validate and map an offers response body. */
export function parseRecruiteeOffers(text: string, source: SourceRef): RawPosting[] {
  return mapRecruitee(
    parseJsonPayload(text, recruiteeOffersResponseSchema, 'Recruitee offers response'),
    source,
  );
}

/**
 * Fetch a Recruitee company's offers.
 * @param overrides - Origin overrides (kind -> origin). @default env().originOverrides
 */
export function fetchBoard(
  http: Http,
  source: SourceRef,
  previous: FetchValidators | null,
  overrides?: Record<string, string>,
): Promise<BoardFetch> {
  return fetchSingleDocumentBoard(
    http,
    'recruitee',
    recruiteeOffersUrl(source),
    previous,
    (text) => parseRecruiteeOffers(text, source),
    overrides,
  );
}
