// What the rules' Strapi side passes around: a document's data and the Document Service's params.
export type Data = Record<string, unknown>;
export type Params = Data & { documentId?: string; status?: string };
