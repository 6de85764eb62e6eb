/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.less'
declare module '*.scss'
declare module '*.sass'
declare module '*.styl'

declare namespace NodeJS {
  // Optional like every environment variable: a child process's env ({}) is a ProcessEnv too.
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test'
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID?: string
    /** the API's base URL, compiled in from the build environment (config/index.ts) */
    TARO_APP_API_BASE?: string
    /** package.json's version, compiled in (config/index.ts) */
    TARO_APP_VERSION?: string
  }
}

// Taro's React runtime entry has no type declarations; tests boot the app through it.
declare module '@tarojs/plugin-framework-react/dist/runtime'
