import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Comment } from '../lib/comments/schema';
import { BoundaryCollection, GazetteerCollection, SeatCollection } from '../lib/data/basemap';
import { buildFeaturesGeojson, PLAN_FEATURES_OUTPUT } from '../lib/data/planFeatures';
import {
  commentPlace,
  placingPlan,
  type CommentPlace,
  type PlacingPlan,
} from '../lib/geo/commentPlace';
import type { PlanLikeFeature } from '../lib/geo/input';

/**
 * The plan the server places comments with (issue 22): the app's own published
 * `features.geojson` when a build is there (`dist/data/`), else built from
 * `geodata/` by the same code the build runs (seconds of CPU, once). Read once
 * per process, in the background from server start.
 */

/** The checkout: the nearest folder up from this file with a `geodata/` (src/server/ in
 * development, dist-server/ once built, so a fixed `../..` would be wrong in one of them). */
function checkoutRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    if (existsSync(join(dir, 'geodata')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

const ROOT = checkoutRoot();

function readPlan(distDir: string | null): PlacingPlan {
  // The served build's copy, else this checkout's build (API only, tests), else built here.
  const published = [distDir, join(ROOT, 'dist')]
    .filter((dir): dir is string => dir !== null)
    .map((dir) => join(dir, 'data', PLAN_FEATURES_OUTPUT))
    .find((file) => existsSync(file));
  let text: string;
  if (published) {
    text = readFileSync(published, 'utf8');
  } else {
    const json = (name: string) => JSON.parse(readFileSync(join(ROOT, 'geodata', name), 'utf8'));
    text = buildFeaturesGeojson({
      planFeatures: json('plan-features.geojson'),
      seats: SeatCollection.parse(json('linhai-township-seats.geojson')),
      boundary: BoundaryCollection.parse(json('linhai-boundary.geojson')),
      gazetteer: GazetteerCollection.parse(json('gazetteer.geojson')),
    }).text;
  }
  return placingPlan((JSON.parse(text) as { features: PlanLikeFeature[] }).features);
}

let plan: Promise<PlacingPlan> | null = null;

/** Starts reading the plan (call at server start so the first comment does not wait for it). */
export function loadPlacingPlan(distDir: string | null = null): Promise<PlacingPlan> {
  // A plan that cannot be read rejects this promise (comments are then stored unplaced); a throw
  // inside setImmediate would instead take the whole server down.
  plan ??= new Promise<PlacingPlan>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(readPlan(distDir));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  return plan;
}

/** Where a comment falls; null when the plan cannot be read (the comment is stored all the same). */
export async function placeComment(comment: Comment): Promise<CommentPlace | null> {
  try {
    return commentPlace([comment.lon, comment.lat], comment.section, await loadPlacingPlan());
  } catch (error) {
    console.error('placing:', (error as Error).message);
    return null;
  }
}
