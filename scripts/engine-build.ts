// `npm run engine:build`: build the engine jar (or take it from the cache) and place it at engine/target/engine.jar.
import { ensureEngineJar } from '../dev-stack/engine-build.js';

const jar = await ensureEngineJar({ log: (line) => console.log(line) });
console.log(jar.built ? `Built ${jar.path}` : `Up to date: ${jar.path}`);
