/// <reference types="vite/client" />
declare const __LOOPDESK_WEB__: boolean;
declare const __LOOPDESK_VERSION__: string;
