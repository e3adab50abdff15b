// @ts-check
// The entry of the prelude: the modules in the order they are evaluated in, each after those it uses.
// Builtins are captured first, before anything else runs; the globals are installed last but one,
// and the harness the host drives comes out as the script's completion value (see ../bundle.ts).
import './primordials.mjs';
import './state.mjs';
import './errors.mjs';
import './output.mjs';
import './events.mjs';
import './stdin.mjs';
import './buffer.mjs';
import './modules/fs.mjs';
import './modules/readline.mjs';
import './modules/util.mjs';
import './modules/assert.mjs';
import './modules/index.mjs';
import './timers.mjs';
import './process.mjs';
import './outliving-work.mjs';
import './require.mjs';
import './globals.mjs';
import './serialize.mjs';
import './harness.mjs';
