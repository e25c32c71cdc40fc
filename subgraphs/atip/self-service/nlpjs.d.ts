// NLP.js ships no type declarations; these are the parts One Window uses.
declare module '@nlpjs/lang-en-min' {
  export class NormalizerEn {
    normalize(text: string): string;
  }
  export class TokenizerEn {
    tokenize(text: string, normalize?: boolean): string[];
  }
  export class StemmerEn {
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    isStopword(word: string): boolean;
  }
}

declare module '@nlpjs/lang-fr' {
  export class NormalizerFr {
    normalize(text: string): string;
  }
  export class StemmerFr {
    stemWord(word: string): string;
  }
  export class StopwordsFr {
    isStopword(word: string): boolean;
  }
}
