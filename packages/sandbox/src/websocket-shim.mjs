// Medplum 5 targets Node 22 and reads WebSocket.CLOSING/CLOSED when @medplum/core is evaluated.
// Node 20 only has WebSocket with --experimental-websocket (our npm scripts pass it). When a test runner
// or another tool imports the sandbox without the flag, this stand-in lets the module load; the sandbox
// never opens a WebSocket (that is MedplumClient's subscription code, unused here).
// Import this module before any @medplum/* import.
if (typeof globalThis.WebSocket === 'undefined') {
  globalThis.WebSocket = class WebSocketUnavailable extends EventTarget {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    constructor() {
      super();
      throw new Error('WebSocket is not available: run Node with --experimental-websocket (or Node 22+)');
    }
  };
}
