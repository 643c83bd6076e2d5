import '@testing-library/jest-dom'
import { __taro } from './stubs/taro'

// NutUI draws some pieces on canvas; jsdom has none.
HTMLCanvasElement.prototype.getContext = (() => null) as never

beforeEach(() => {
  __taro.reset()
  jest.clearAllMocks()
})
