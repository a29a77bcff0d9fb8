// Quotation marks a dispatch may use: straight, guillemets and curly. Shared by the outlet and
// quotation readers, so both see the same spans.
export const QUOTE_SPAN = /"([^"]*)"|«([^»]*)»|“([^”]*)”/g;
