import { Head, Html, Main, NextScript } from 'next/document';

/** The document of the Pages Router pages (pages/README.md). */
export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
