import Taro from '@tarojs/taro';
import { rememberBrowserFile } from '../../lib/api-client';
import { isWeapp } from '../../lib/platform';

/** Opens the picker (WeChat chooseMedia, H5 file input) and answers local paths; [] when cancelled. */
export async function pickPhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    if (isWeapp()) {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'] });
      return res.tempFiles.map((f) => f.tempFilePath).slice(0, count);
    }
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'] });
    res.tempFiles.forEach((f, i) => {
      const file = (f as { originalFileObj?: Blob }).originalFileObj;
      if (file) rememberBrowserFile(res.tempFilePaths[i], file);
    });
    return res.tempFilePaths.slice(0, count);
  } catch {
    return [];
  }
}
