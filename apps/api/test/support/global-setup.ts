import { buildApi } from '../../scripts/build.ts';

/** The tests run the API as it ships: build dist/main.js from the current sources first. */
export default async function setup(): Promise<void> {
  await buildApi();
}
