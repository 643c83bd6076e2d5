/** The API counts money in fen; people type and read yuan. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}
export function fenToYuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
