// Stand-in for the registry's EditorProps until the studio shell lands (replaced by ../types on merge).
export type EditorProps = { draft: Record<string, unknown>; onChange(draft: Record<string, unknown>): void; errors: Record<string, string>; workspaceId: string };
