// fr-compromise ships its types as .ts sources that do not compile under strict settings (and
// "node" resolution reads them, not its exports); this is the part One Window uses.
declare function french(text: string): { json(): { terms: { text: string; tags: string[] }[] }[] };
export default french;
