/**
 * The proxy's front door for code outside proxy/src (scripts/, tests in proxy/test, the bench): re-exports only.
 * The shapes that cross a border are imported from proxy/src/contract/ directly. Everything else in proxy/src is
 * internal and may change without notice; `npm run lint` refuses imports that bypass this file.
 */
export {
    CONFIG_VARIABLES,
    ConfigError,
    configSource,
    hasAepCredentials,
    loadConfig,
    redactedConfig,
    type LogLevel,
    type ProxyConfig
} from './config';
export { buildProxy, startProxy, type BuiltProxy, type ProxyDeps, type RunningProxy } from './server';
export { createLogger, type Logger } from './observability/logger';
export { createMetrics, type ProxyMetrics } from './observability/metrics';
export type { OutgoingRequest } from './aep/httpClient';
export type { SharedStore } from './cache/redisStore';
