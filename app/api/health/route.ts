import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/stats/health';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for `npm start`, load balancers and uptime monitors. */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
