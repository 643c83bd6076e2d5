import { Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { zh } from '../../i18n/zh-Hans';

export interface CursorPages {
  cursor: string | undefined;
  page: number;
  next(cursor: string): void;
  prev(): void;
}

/** Cursor paging: a stack of the cursors that led here, reset whenever the query changes. */
export function useCursorPages(queryKey: string): CursorPages {
  const [stack, setStack] = useState<string[]>([]);
  useEffect(() => setStack([]), [queryKey]);
  return {
    cursor: stack[stack.length - 1],
    page: stack.length + 1,
    next: (cursor) => setStack((s) => [...s, cursor]),
    prev: () => setStack((s) => s.slice(0, -1)),
  };
}

export function CursorPager({ pages, nextCursor }: { pages: CursorPages; nextCursor: string | null }) {
  return (
    <Space>
      <Button disabled={pages.page === 1} onClick={pages.prev}>
        {zh.app.prevPage}
      </Button>
      <Typography.Text>第 {pages.page} 页</Typography.Text>
      <Button disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {zh.app.nextPage}
      </Button>
    </Space>
  );
}
