/**
 * Worker thread of the seeder: generates one company's writes and normalizes every posting, so the
 * normalizer (CPU-bound, a few ms per 400-word posting) runs on every core while the main thread
 * writes to Postgres.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { normalizePosting } from '../../lib/normalize';
import type { PostingToWrite } from '../../lib/jobs';
import { companyWrites, syntheticCompanies, type SyntheticOptions } from './synthetic';

/** A company's writes, normalized. */
export interface NormalizedWrite {
  source: 'board' | 'careersPage';
  daysAgo: number;
  postings: PostingToWrite[];
}

const { options } = workerData as { options: SyntheticOptions; entry: string };
const companies = syntheticCompanies(options);

parentPort!.on('message', (companyIndex: number) => {
  const company = companies[companyIndex]!;
  const writes: NormalizedWrite[] = companyWrites(options, company).map((write) => {
    const source = write.source === 'board' ? company.board : company.careersPage!;
    return {
      source: write.source,
      daysAgo: write.daysAgo,
      postings: write.postings.map((raw) => ({
        ...normalizePosting(raw, {
          companySlug: company.slug,
          companyName: company.name,
          sourceKind: source.kind,
        }),
        raw,
      })),
    };
  });
  parentPort!.postMessage({ companyIndex, writes });
});
