// Typings for camunda-external-task-client-js 3.x, which only external-tasks.ts imports. The published @types
// package describes the 1.x API.
declare module 'camunda-external-task-client-js' {
  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    interceptors?: Interceptor | Interceptor[];
    use?: ((client: Client) => void) | ((client: Client) => void)[];
  }

  export type Interceptor = (config: Record<string, unknown>) => Record<string, unknown>;

  export interface ExternalTask {
    id: string;
    topicName: string;
    workerId: string;
    processInstanceId: string;
    processDefinitionKey: string;
    processDefinitionId: string;
    businessKey: string | null;
    activityId: string;
    retries: number | null;
    errorMessage: string | null;
    variables: Variables;
  }

  export interface FailureOptions {
    errorMessage: string;
    errorDetails?: string;
    retries: number;
    retryTimeout: number;
  }

  export interface TaskService {
    complete(task: ExternalTask, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: ExternalTask, options: FailureOptions): Promise<void>;
    handleBpmnError(task: ExternalTask, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    extendLock(task: ExternalTask, newDuration: number): Promise<void>;
    unlock(task: ExternalTask): Promise<void>;
  }

  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    businessKey?: string;
    processDefinitionKey?: string;
  }

  export type Handler = (args: { task: ExternalTask; taskService: TaskService }) => Promise<void>;

  export class Client {
    constructor(options: ClientOptions);
    options: Required<Pick<ClientOptions, 'interval' | 'workerId'>> & ClientOptions;
    subscribe(topic: string, options: SubscribeOptions, handler: Handler): { unsubscribe(): void };
    start(): void;
    stop(): void;
    on(event: string, listener: (...args: any[]) => void): this;
    removeAllListeners(event?: string): this;
  }

  export class Variables {
    constructor();
    get(name: string): unknown;
    getAll(): Record<string, unknown>;
    /** What was set since construction, serialised as it is sent (type names in lower case). */
    getDirtyVariables(): Record<string, { type: string; value: unknown; valueInfo?: Record<string, unknown> }>;
    set(name: string, value: unknown): this;
    setAll(values: Record<string, unknown>): this;
    setTyped(name: string, typed: { type: string; value: unknown; valueInfo?: Record<string, unknown> }): this;
  }

  export class BasicAuthInterceptor {
    constructor(options: { username: string; password: string });
  }

  export const logger: (client: Client) => void;
}
