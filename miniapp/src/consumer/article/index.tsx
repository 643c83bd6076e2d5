import { ArticlePage } from '../../features/articles/article-page';

export default function Page() {
  return <ArticlePage />;
}
