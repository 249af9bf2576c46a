// `npm run bench`: every benchmark of the project, printed as tables. Figures, not pass/fail.
import { benchmarkStartUp, printStartUp } from './start-up.js';

printStartUp(await benchmarkStartUp());
