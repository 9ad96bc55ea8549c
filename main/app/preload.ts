import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './bridge.ts';

// The page gets one function per contract call and an event subscription; never ipcRenderer.
contextBridge.exposeInMainWorld('chatImporter', buildApi(ipcRenderer));
