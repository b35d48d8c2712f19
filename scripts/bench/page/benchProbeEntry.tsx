/** Entry of the probe bundle: the harness appends the call with its configuration. */
import { benchProbeInstall } from './benchProbe';

(globalThis as unknown as { __benchProbeInstall: typeof benchProbeInstall }).__benchProbeInstall = benchProbeInstall;
