export declare const TEST_BUILD: string;
export declare function buildTestMirror(): Promise<string>;
