// Type declarations for the modeling packages that ship none; only what modeling/ uses. Referenced with
// `/// <reference path>` from the files that import them, so the browser build type-checks them too.

declare module 'bpmn-moddle' {
  /** A moddle element: the parsed model, with its type and attributes. */
  export interface ModdleElement {
    $type: string;
    $attrs: Record<string, string>;
    $parent?: ModdleElement;
    id?: string;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    [property: string]: unknown;
  }
  /** What the XML reader could not place: unknown elements or attributes, unresolved references. */
  export interface ParseWarning {
    message: string;
    element?: { id?: string; $type?: string };
  }
  export interface BpmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: ModdleElement; warnings: ParseWarning[] }>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
  export function BpmnModdle(packages?: Record<string, object>): BpmnModdleInstance;
}

declare module 'dmn-moddle' {
  import type { BpmnModdleInstance } from 'bpmn-moddle';
  export function DmnModdle(packages?: Record<string, object>): BpmnModdleInstance;
}

declare module 'bpmnlint' {
  import type { ModdleElement } from 'bpmn-moddle';
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    path?: string[];
  }
  export interface LintRule {
    check: ((node: ModdleElement, reporter: LintReporter) => boolean | void) | { enter?: (node: ModdleElement, reporter: LintReporter) => boolean | void; leave?: (node: ModdleElement, reporter: LintReporter) => void };
    meta?: { documentation?: { url?: string } };
  }
  export interface LintReporter {
    report(id: string | undefined, message: string, path?: string[]): void;
  }
  export type RuleFactory = (config?: unknown) => LintRule;
  export type RuleSetting = 'off' | 'warn' | 'error' | 'info' | [string, unknown];
  export interface LintConfig {
    extends?: string | string[];
    rules?: Record<string, RuleSetting>;
  }
  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): RuleFactory | undefined;
    resolveConfig(pkg: string, configName: string): LintConfig | undefined;
  }
  export class Linter {
    constructor(options: { config: LintConfig; resolver: Resolver });
    lint(definitions: ModdleElement): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint';
  const rule: RuleFactory;
  export default rule;
}

declare module 'bpmnlint/config/recommended.js' {
  import type { LintConfig } from 'bpmnlint';
  const config: LintConfig & { rules: Record<string, string> };
  export default config;
}

declare module 'bpmnlint-plugin-camunda-compat' {
  import type { LintConfig } from 'bpmnlint';
  const plugin: { configs: Record<string, LintConfig>; rules: Record<string, string> };
  export default plugin;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-platform/*' {
  import type { RuleFactory } from 'bpmnlint';
  const rule: RuleFactory;
  export default rule;
}
